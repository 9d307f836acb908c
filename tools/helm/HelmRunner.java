import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs real Helm (helm-java, Helm's Go library loaded natively) for a batch of jobs in one JVM, so that a test
 * pays the JVM and library start once. Run as a single source file with the jars of tools/helm/pom.xml:
 *
 * <pre>java -cp 'tmp/helm/lib/*' tools/helm/HelmRunner.java JOBS_FILE OUT_DIR KUBE_VERSION</pre>
 *
 * JOBS_FILE has one job per line, tab-separated: {@code id  lint|template  chartDir  [valuesFile,...]}. For each
 * job the runner writes OUT_DIR/id.out (the rendered manifests, or the lint messages one per line) and
 * OUT_DIR/id.status ({@code ok}, {@code failed} for a lint that failed, or {@code error} with the error text in
 * id.out). Templates render for KUBE_VERSION (e.g. 1.36.0; Helm 3's offline default is 1.20). It exits 0 when
 * every job ran, whatever their outcome; the caller judges them. Helm's `lint` takes no values files: lint a
 * copy of the chart whose values.yaml is the one to check.
 */
public final class HelmRunner {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: HelmRunner JOBS_FILE OUT_DIR KUBE_VERSION");
      System.exit(2);
    }
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank()) continue;
      String[] fields = line.split("\t", -1);
      String id = fields[0];
      String command = fields[1];
      Path chart = Path.of(fields[2]);
      String[] valuesFiles = fields.length > 3 && !fields[3].isEmpty() ? fields[3].split(",") : new String[0];
      String status;
      String output;
      try {
        if (command.equals("lint")) {
          LintResult result = new Helm(chart).lint().strict().call();
          status = result.isFailed() ? "failed" : "ok";
          output = String.join("\n", result.getMessages());
        } else if (command.equals("template")) {
          TemplateCommand template = new Helm(chart).template().withName("homeroom").withNamespace("homeroom").withKubeVersion(args[2]);
          for (String file : valuesFiles) template = template.withValuesFile(Path.of(file));
          output = template.call();
          status = "ok";
        } else {
          throw new IllegalArgumentException("unknown command " + command);
        }
      } catch (Exception error) {
        StringWriter text = new StringWriter();
        text.write(String.valueOf(error.getMessage()));
        if (error.getMessage() == null) error.printStackTrace(new PrintWriter(text));
        status = "error";
        output = text.toString();
      }
      Files.writeString(outDir.resolve(id + ".out"), output, StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve(id + ".status"), status, StandardCharsets.UTF_8);
    }
  }
}
