package dev.retort.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonSet} against CPython 3.11 with {@code PYTHONHASHSEED=0}: the vectors were printed
 * by {@code hash(s)}, {@code list(set(items))} and {@code list(set(items).difference(other))}.
 */
class PythonSetTest {

    @Test
    void strHashesAreCPythonsWithHashRandomisationOff() {
        assertEquals(4644417185603328019L, PythonSet.hash("a"));
        assertEquals(-4594863902769663758L, PythonSet.hash("abc"));
        assertEquals(-7678180836325436183L, PythonSet.hash("aaaa0001"));
        assertEquals(1220917499328067052L, PythonSet.hash("f7b77e90d359"));
        assertEquals(-6616181934905810836L, PythonSet.hash("1fb6dfbdb0ae"));
        assertEquals(6047309291227476195L, PythonSet.hash("\u00e9"));
        assertEquals(7542247858446192590L, PythonSet.hash("\u20acuro"));
        assertEquals(6204379750736163878L, PythonSet.hash("\ud83d\ude42x"));
        assertEquals(3785724242978802311L, PythonSet.hash("12345678"));
        assertEquals(78424065292164886L, PythonSet.hash("123456789abcdefgh"));
    }

    @Test
    void iterationOrderIsCPythonsForSmallAndResizedTables() {
        assertEquals(List.of("d272d1371c17", "a4c123b1612d"),
                PythonSet.of(List.of("a4c123b1612d", "d272d1371c17")).list());
        assertEquals(List.of("216fdaeeb975", "149d439536b3", "729fae923d5a"),
                PythonSet.of(List.of("149d439536b3", "216fdaeeb975", "729fae923d5a")).list());
        assertEquals(List.of("8f219e9cb0eb", "4fd12aabfe22", "53f16947ccf2", "5ec84d8dbc74"),
                PythonSet.of(List.of("4fd12aabfe22", "8f219e9cb0eb", "53f16947ccf2", "5ec84d8dbc74")).list());
        assertEquals(List.of("254770f58904", "dba41ecccc3f", "43b026c48bbf", "c1626e53a130", "33feff9243a8"),
                PythonSet.of(List.of("254770f58904", "dba41ecccc3f", "c1626e53a130", "43b026c48bbf", "33feff9243a8")).list());
        assertEquals(List.of("6f5da2cec255", "f506b40928b5", "404e4fb44003", "b7a767c76fb0", "7f6a6f0fb23c", "08f86bebb273"),
                PythonSet.of(List.of("f506b40928b5", "b7a767c76fb0", "08f86bebb273", "7f6a6f0fb23c", "6f5da2cec255", "404e4fb44003")).list());
        assertEquals(List.of("732881584d8c", "cf575dcad6ba", "41bed440e504", "2b0aee0ca923", "4d6608697a8d", "26934b484e73", "86e4d3cea27d", "54f31af31768", "13e02ea68ef7"),
                PythonSet.of(List.of("4d6608697a8d", "41bed440e504", "54f31af31768", "13e02ea68ef7", "86e4d3cea27d", "26934b484e73", "cf575dcad6ba", "2b0aee0ca923", "732881584d8c")).list());
        assertEquals(List.of("107f80e222f8", "791e558e08ba", "624a8940f1f8", "86702824c1c0", "827283e0ad84", "a7196b50ac2f", "28767efc2f91", "48b483b7ffc0", "36f99eee3692", "99724caf4941", "e58b081006f7", "d4072014b3ce", "b14028d512c9", "173581569969", "4fa2815d2802", "e3dfc967a64c", "f09e2e8c6622"),
                PythonSet.of(List.of("4fa2815d2802", "827283e0ad84", "173581569969", "e58b081006f7", "e3dfc967a64c", "b14028d512c9", "791e558e08ba", "a7196b50ac2f", "86702824c1c0", "99724caf4941", "d4072014b3ce", "107f80e222f8", "28767efc2f91", "624a8940f1f8", "36f99eee3692", "f09e2e8c6622", "48b483b7ffc0")).list());
    }

    @Test
    void differenceOrdersAsCPythonsBothWays() {
        assertEquals(List.of("50fec94dbca3"),
                PythonSet.of(List.of("50fec94dbca3", "a0aac36098b2")).difference(2, List.of("2bd818319478", "a0aac36098b2")::contains));
        assertEquals(List.of("49f145fda998", "da6bd0c621de"),
                PythonSet.of(List.of("da6bd0c621de", "49f145fda998", "8c79fc35526f")).difference(1, List.of("8c79fc35526f")::contains));
        assertEquals(List.of("7b860dcd6c8a", "d9041dff02ce", "1f8b46287cce", "eaed46725a2a", "e737443e2104"),
                PythonSet.of(List.of("eaed46725a2a", "7b860dcd6c8a", "1f8b46287cce", "d9041dff02ce", "e737443e2104")).difference(0, List.of()::contains));
        assertEquals(List.of("7f1adbc60926", "f6967e7893f5", "15cea325a65e", "19cbae530282", "1948d33296c8", "7009e8a7f770", "d9106fd287db"),
                PythonSet.of(List.of("1948d33296c8", "7009e8a7f770", "d9106fd287db", "7f1adbc60926", "f6967e7893f5", "7fd14c1604d1", "15cea325a65e", "19cbae530282")).difference(2, List.of("36cb9d21f6be", "7fd14c1604d1")::contains));
        assertEquals(List.of("21862ab8a18a", "6abf0d7c1c1e", "328263dfe574", "e7577496a2c8", "de739988b886", "8902073fec8d", "773e130f7eb1"),
                PythonSet.of(List.of("6abf0d7c1c1e", "21862ab8a18a", "8902073fec8d", "f4f50947aaeb", "26c57d21fa5d", "328263dfe574", "de739988b886", "e7577496a2c8", "773e130f7eb1")).difference(2, List.of("26c57d21fa5d", "f4f50947aaeb")::contains));
        assertEquals(List.of("b59261ff2d3c"),
                PythonSet.of(List.of("1662b5e803b6", "1ba4168160ad", "b59261ff2d3c", "425c8d99d19b")).difference(4, List.of("1662b5e803b6", "1ba4168160ad", "425c8d99d19b", "6cc60d5d32cb")::contains));
    }
}
