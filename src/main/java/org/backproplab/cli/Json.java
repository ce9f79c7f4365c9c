package org.backproplab.cli;

/** The two JSON writers the command line needs. Numbers are printed at full precision (Double.toString). */
final class Json {
    private Json() {
    }

    /** A number; NaN and infinities, which JSON lacks, are written as the strings "NaN", "Infinity", "-Infinity". */
    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "\"" + x + "\"";
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        String hex = Integer.toHexString(c);
                        out.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
