package org.councilgateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.internal.write.MeetingPackWriter;

/**
 * The meeting pack: the paper the commissioning group reads before its meeting, as one
 * self-contained HTML page (UK English; styles inline; no script, font, image or link outside the
 * page, so it reads the same offline, by e-mail and on paper). In order: a heading (the council, the
 * assessment date, the plan file's name and SHA-256, the rule set version); a summary; the findings
 * across the forward plan, each naming its proposals with links to them; two routing tables, for the
 * Strategic Commissioning and Procurement Group and for directorates; a section per proposal, whose
 * {@code id} is the proposal's id; and the proposals not assessed. Printed on A4, each proposal starts
 * a page and table headers repeat. The same assessment and details give the same bytes.
 *
 * <pre>{@code
 * MeetingPack pack = MeetingPack.builder().ruleSet(gateway.ruleSet()).plan(planFile).build();
 * Files.writeString(Path.of("pack.html"), pack.write(result));
 * }</pre>
 *
 * <p>Immutable and safe to share; build one per plan file.
 */
public final class MeetingPack {
  private final String councilName;
  private final String planName;
  private final String planSha256;
  private final Changes changes;

  private MeetingPack(Builder builder) {
    this.councilName = builder.councilName;
    this.planName = builder.planName;
    this.planSha256 = builder.planSha256;
    this.changes = builder.changes;
  }

  /**
   * Starts a pack with no council name, a plan called "the forward plan" with no digest, and no
   * changes.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the pack.
   *
   * @param result the plan's assessment
   * @return the HTML page
   */
  public String write(PlanAssessment result) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(result, out);
    return out.toString();
  }

  /**
   * Streams the pack; the proposals' sections are rendered on several threads and written in order.
   *
   * @param result the plan's assessment
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(PlanAssessment result, java.io.Writer out) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(out, "out");
    MeetingPackWriter.write(result, councilName, planName, planSha256, changes, out);
    flush(out);
  }

  /**
   * Streams the pack in UTF-8.
   *
   * @param result the plan's assessment
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(PlanAssessment result, java.io.OutputStream out) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(out, "out");
    MeetingPackWriter.write(result, councilName, planName, planSha256, changes, out);
    flush(out);
  }

  private static void flush(java.io.Flushable out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets what the pack shows beside the assessment. */
  public static final class Builder {
    private String councilName;
    private String planName = "the forward plan";
    private String planSha256;
    private Changes changes;

    private Builder() {}

    /**
     * Names the council in the heading.
     *
     * @param name the council's name, or null for none
     * @return this builder
     */
    public Builder councilName(String name) {
      this.councilName = name;
      return this;
    }

    /**
     * Names the council as the rule set's reference data does ({@code settings.councilName}), if it
     * does.
     *
     * @param rules the rule set that assessed the plan
     * @return this builder
     */
    public Builder ruleSet(RuleSet rules) {
      Objects.requireNonNull(rules, "rules");
      this.councilName = rules.referenceData().settings().councilName();
      return this;
    }

    /**
     * Names the plan and gives its digest.
     *
     * @param name the plan file's name as the heading shows it
     * @param sha256 the plan file's SHA-256 as 64 hex digits, or null when unknown
     * @return this builder
     * @throws IllegalArgumentException when the digest is not 64 hex digits
     */
    public Builder plan(String name, String sha256) {
      Objects.requireNonNull(name, "name");
      if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("A SHA-256 is 64 hex digits, but found " + sha256.length() + " characters.");
      }
      this.planName = name;
      this.planSha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /**
     * Names the plan by its file's name (not the folders it is in, so that the pack is the same
     * wherever it is made) and reads the file for its SHA-256.
     *
     * @param file the plan file
     * @return this builder
     * @throws UncheckedIOException when the file cannot be read
     */
    public Builder plan(Path file) {
      Objects.requireNonNull(file, "file");
      Path name = file.getFileName();
      return plan(name == null ? file.toString() : name.toString(), sha256(file));
    }

    /**
     * Shows what changed since an earlier assessment: in the summary, on each new or changed proposal,
     * and the proposals withdrawn.
     *
     * @param changes what changed, or null for none
     * @return this builder
     */
    public Builder changes(Changes changes) {
      this.changes = changes;
      return this;
    }

    /**
     * Builds the pack.
     *
     * @return the pack
     */
    public MeetingPack build() {
      return new MeetingPack(this);
    }

    private static String sha256(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java runtime has SHA-256.", e);
      }
    }
  }
}
