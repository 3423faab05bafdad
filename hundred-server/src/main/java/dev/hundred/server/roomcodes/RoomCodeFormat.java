package dev.hundred.server.roomcodes;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The shape of a room code: {@code xxx-xxxx-xxx} of lowercase letters (decisions.md, §19.10 of the spec).
 * 26^10 (about 1.4e14) codes, drawn from a SecureRandom: a code is a credential (it mints app tokens),
 * so it must not be guessable from the codes one has seen.
 */
final class RoomCodeFormat {
    private static final Pattern SHAPE = Pattern.compile("[a-z]{3}-[a-z]{4}-[a-z]{3}");
    private static final int[] GROUPS = {3, 4, 3};

    private RoomCodeFormat() {}

    static String random(RandomGenerator random) {
        StringBuilder code = new StringBuilder(12);
        for (int group : GROUPS) {
            if (code.length() > 0) {
                code.append('-');
            }
            for (int i = 0; i < group; i++) {
                code.append((char) ('a' + random.nextInt(26)));
            }
        }
        return code.toString();
    }

    static boolean looksLikeCode(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
