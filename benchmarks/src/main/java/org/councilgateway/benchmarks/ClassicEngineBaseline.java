package org.councilgateway.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.councilgateway.RuleSet;
import org.councilgateway.facts.AssessmentDate;
import org.councilgateway.facts.ReferenceData;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * The baseline for start-up: a bare program that compiles the bundled DRL at run time with the
 * classic (MVEL) engine, as a team would without precompilation, and assesses the sample plan's
 * first proposal. Run as a whole process: {@code java -cp benchmarks/target/benchmarks.jar
 * org.councilgateway.benchmarks.ClassicEngineBaseline}.
 */
public final class ClassicEngineBaseline {
  private ClassicEngineBaseline() {}

  /**
   * Compiles, assesses one generated proposal, prints how many rules fired.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    KieServices services = KieServices.Factory.get();
    KieFileSystem files = services.newKieFileSystem();
    for (String name : List.of("scope.drl", "impacts.drl", "eia.drl", "challenge.drl", "portfolio.drl")) {
      String path = "org/councilgateway/rules/" + name;
      try (InputStream in = ClassicEngineBaseline.class.getClassLoader().getResourceAsStream(path)) {
        files.write("src/main/resources/" + path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ReleaseId id = services.newReleaseId("bench", "classic", "1");
    files.generateAndWritePomXML(id);
    KieBuilder builder = services.newKieBuilder(files).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      errors.forEach(error -> System.err.println(error.getPath() + ":" + error.getLine() + ": " + error.getText()));
      System.exit(1);
    }
    KieBase kieBase = services.newKieContainer(id).getKieBase();
    ReferenceData data = RuleSet.bundled().referenceData();
    KieSession session = kieBase.newKieSession();
    try {
      session.setGlobal("findings", AssessBenchmark.BareDrools.DISCARD);
      data.facts().forEach(session::insert);
      session.insert(new AssessmentDate(PlanGenerator.AS_OF));
      PlanGenerator.generate(18, 5).proposals().forEach(session::insert);
      System.out.println(session.fireAllRules() + " rules fired");
    } finally {
      session.dispose();
    }
  }
}
