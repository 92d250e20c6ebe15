/** The floor: a Java hello-world started with the launcher's JVM flags (bench/startup/). */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
