package org.councilgateway.rules;

import java.nio.file.Path;
import org.councilgateway.Gateway;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    var plan = PlanReader.create().read(Path.of("src/test/resources/plans/product-example.json"));
    long t = System.nanoTime();
    Gateway gateway;
    try { gateway = Gateway.bundled(); } catch (ExceptionInInitializerError e) { System.out.println(((org.councilgateway.GatewayException) e.getCause()).describe()); throw e; }
    System.out.println("compile ms " + (System.nanoTime() - t) / 1_000_000);
    var result = gateway.assess(plan, null);
    System.out.println(Reports.json(result));
    System.out.println(Reports.text(result));
  }
}
