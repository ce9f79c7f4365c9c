package org.backproplab.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.Lexer;
import org.backproplab.expr.ParseError;
import org.backproplab.expr.Parser;
import org.backproplab.expr.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval [FILE|-] [--output NAME]}: runs a program forward and backward and prints one JSON object with the
 * output and every named variable's value and grad, at full precision. A bad program exits 2 with
 * {@code error: line L, column C: message} on stderr.
 *
 * <p>The nodes are keyed by variable name, as {@code --output} names them: a label such as 'x1*w1' need not be a
 * name, nor be unique. A name assigned twice shows its last Value; a plain number beside Value(…) is no node. The
 * lines the program ignores (imports, print...) are listed on stderr as {@code note: line L: ...}; they are not
 * errors.
 */
@Command(name = "eval", description = "Run a program forward and backward; print its values and grads as JSON.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "the program (default: stdin)")
    String file = "-";

    @Option(names = "--output", paramLabel = "NAME", description = "the output variable (default: the last one)")
    String output;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String source;
        try {
            source = read(file);
        } catch (TextFiles.Unreadable e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            var program = Parser.parse(source);
            Evaluation evaluation = output == null ? Evaluator.evaluate(program) : Evaluator.evaluate(program, output);
            for (Program.Note note : program.notes()) {
                System.err.println("note: " + note.describe());
            }
            evaluation.output().backward();
            out.println(toJson(evaluation));
            return 0;
        } catch (ParseError e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The program's text. A UTF-8 character takes at most 3 bytes per Java char, so a file over 3 × the Lexer's
     * limit can't be a program it accepts: it is refused before it is read, and the Lexer counts the rest exactly.
     */
    static String read(String file) throws TextFiles.Unreadable {
        int maxBytes = 3 * Lexer.MAX_CHARS;
        if (file.equals("-")) {
            return TextFiles.read(System.in, "standard input", maxBytes);
        }
        return TextFiles.read(Path.of(file), maxBytes);
    }

    static String toJson(Evaluation evaluation) {
        StringBuilder json = new StringBuilder();
        json.append("{\"output\":").append(Json.string(evaluation.outputName()))
                .append(",\"value\":").append(Json.number(evaluation.output().data))
                .append(",\"nodes\":{");
        boolean first = true;
        for (Map.Entry<String, Value> e : evaluation.named().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(Json.string(e.getKey())).append(":{\"value\":").append(Json.number(e.getValue().data))
                    .append(",\"grad\":").append(Json.number(e.getValue().grad)).append('}');
        }
        return json.append("}}").toString();
    }
}
