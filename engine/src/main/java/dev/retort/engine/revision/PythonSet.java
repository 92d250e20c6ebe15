package dev.retort.engine.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A set of strings that iterates in the order CPython 3.11+ iterates a {@code set} of
 * {@code str} when hash randomisation is off ({@code PYTHONHASHSEED=0}, as the recorded
 * Alembic runs were made): SipHash-1-3 with a zero key over the string's PEP 393 bytes, and
 * {@code setobject.c}'s open addressing (tables of 8 slots and up, nine linear probes, then
 * perturbation; resize at 3/5 full).
 *
 * <p>Why: Alembic picks which version row a merge UPDATEs and which it DELETEs (and which rows
 * an unmerge INSERTs) from a Python set ({@code merge_branch_idents},
 * {@code _unmerge_to_revisions}). The row set is the same whatever the order, but the rows'
 * storage order is not, and that order is visible: {@code show current} lists the rows in it,
 * and {@code downgrade -1} from several heads starts from the first row. Not thread-safe.
 */
final class PythonSet {

    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    private String[] keys = new String[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int fill;

    /** {@code set(items)}: the items added in this order. */
    static PythonSet of(List<String> items) {
        PythonSet s = new PythonSet();
        for (String item : items) {
            s.add(item, hash(item));
        }
        return s;
    }

    /** The elements in iteration order ({@code list(s)}). */
    List<String> list() {
        List<String> out = new ArrayList<>(fill);
        for (String k : keys) {
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    int size() {
        return fill;
    }

    /**
     * {@code list(self.difference(other))} where {@code other} is a set of {@code otherSize}
     * elements for which {@code inOther} holds: CPython either copies this set and discards
     * (when this set is over four times larger) or adds the survivors to a new set in this
     * set's iteration order; the two can order differently.
     */
    List<String> difference(int otherSize, Predicate<String> inOther) {
        List<String> out = new ArrayList<>();
        if ((fill >> 2) > otherSize) {
            for (String k : copy().list()) {
                if (!inOther.test(k)) {
                    out.add(k);
                }
            }
            return out;
        }
        PythonSet result = new PythonSet();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !inOther.test(keys[i])) {
                result.add(keys[i], hashes[i]);
            }
        }
        return result.list();
    }

    /** {@code set(self)}: {@code set_merge} into an empty set. */
    private PythonSet copy() {
        PythonSet c = new PythonSet();
        int mask = c.keys.length - 1;
        if ((long) fill * 5 >= (long) mask * 3) {
            c.resize(fill * 2);
        }
        if (c.keys.length == keys.length) {
            c.keys = keys.clone();
            c.hashes = hashes.clone();
            c.fill = fill;
            return c;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                c.insertClean(keys[i], hashes[i]);
            }
        }
        c.fill = fill;
        return c;
    }

    /** {@code set_add_entry}: there are no deletions here, so no dummy slots. */
    private void add(String key, long hash) {
        int mask = keys.length - 1;
        long perturb = hash;
        long i = hash & mask;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = (int) i;
            do {
                if (keys[j] == null) {
                    keys[j] = key;
                    hashes[j] = hash;
                    fill++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(fill > 50000 ? fill * 2 : fill * 4);
                    }
                    return;
                }
                if (hashes[j] == hash && keys[j].equals(key)) {
                    return;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** {@code set_table_resize}: the smallest power of two above {@code minUsed}, entries re-inserted in slot order. */
    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        String[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new String[size];
        hashes = new long[size];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insertClean(oldKeys[i], oldHashes[i]);
            }
        }
    }

    /** {@code set_insert_clean}: into a table known to hold neither the key nor dummies. */
    private void insertClean(String key, long hash) {
        int mask = keys.length - 1;
        long perturb = hash;
        long i = hash & mask;
        while (true) {
            if (keys[(int) i] == null) {
                keys[(int) i] = key;
                hashes[(int) i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (keys[(int) i + j] == null) {
                        keys[(int) i + j] = key;
                        hashes[(int) i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** {@code hash(s)} for a {@code str} under {@code PYTHONHASHSEED=0} (CPython 3.11+, SipHash-1-3). */
    static long hash(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        byte[] data = pep393Bytes(s);
        long h = sipHash13(data);
        return h == -1 ? -2 : h;
    }

    /** The string's bytes as CPython stores it: 1, 2 or 4 bytes per code point, little-endian. */
    private static byte[] pep393Bytes(String s) {
        int[] cps = s.codePoints().toArray();
        int max = 0;
        for (int cp : cps) {
            max = Math.max(max, cp);
        }
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        byte[] out = new byte[cps.length * kind];
        for (int i = 0; i < cps.length; i++) {
            for (int b = 0; b < kind; b++) {
                out[i * kind + b] = (byte) (cps[i] >>> (8 * b));
            }
        }
        return out;
    }

    private static long sipHash13(byte[] in) {
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        int n = in.length;
        int off = 0;
        while (n - off >= 8) {
            long m = 0;
            for (int b = 7; b >= 0; b--) {
                m = (m << 8) | (in[off + b] & 0xffL);
            }
            off += 8;
            v3 ^= m;
            // one round (SipHash-1-3: one compression round)
            v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 = Long.rotateLeft(v2, 32);
            v0 ^= m;
        }
        long t = 0;
        for (int b = n - off - 1; b >= 0; b--) {
            t = (t << 8) | (in[off + b] & 0xffL);
        }
        long last = ((long) n << 56) | t;
        v3 ^= last;
        long[] v = {v0, v1, v2, v3};
        round(v);
        v[0] ^= last;
        v[2] ^= 0xff;
        round(v);
        round(v);
        round(v);
        return (v[0] ^ v[1]) ^ (v[2] ^ v[3]);
    }

    private static void round(long[] v) {
        v[0] += v[1]; v[2] += v[3]; v[1] = Long.rotateLeft(v[1], 13) ^ v[0]; v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[1]; v[0] += v[3]; v[1] = Long.rotateLeft(v[1], 17) ^ v[2]; v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
