package org.councilgateway.cli;

import java.io.File;
import java.util.List;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;

/**
 * What an attacker would plant in the compile cache: a model class whose static initialiser makes
 * the directory named by {@code GATEWAY_TEST_MARKER}. The command must never load it.
 */
public final class PlantedModel implements Model {
  static {
    String marker = System.getenv("GATEWAY_TEST_MARKER");
    if (marker != null) {
      new File(marker).mkdir();
    }
  }

  @Override
  public String getName() {
    return "org.councilgateway.rules";
  }

  @Override
  public List<Global> getGlobals() {
    return List.of();
  }

  @Override
  public List<Rule> getRules() {
    return List.of();
  }

  @Override
  public List<Query> getQueries() {
    return List.of();
  }

  @Override
  public List<TypeMetaData> getTypeMetaDatas() {
    return List.of();
  }

  @Override
  public List<EntryPoint> getEntryPoints() {
    return List.of();
  }
}
