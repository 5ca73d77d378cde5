package org.councilgateway.internal.ocds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.councilgateway.Problem;
import org.councilgateway.internal.ReadLimits;
import org.councilgateway.model.Proposal;

/**
 * Runs an import: reads every file, keeps the releases of the chosen buyer, keeps the latest
 * release of each ocid (ties: the later in input order) and drafts a proposal for each.
 */
public final class OcdsImporter {
  private final Mapping mapping;
  private final Function<String, String> owners;
  private final String buyerKey;
  private final ReadLimits limits;

  /**
   * @param mapping the mapping
   * @param owners the owning directorate of a service area in the reference data, or null
   * @param buyer keep only releases whose buyer.name equals it, ignoring case and surrounding spaces; null for all
   * @param limits the limits each file is read within
   */
  public OcdsImporter(Mapping mapping, Function<String, String> owners, String buyer, ReadLimits limits) {
    this.mapping = mapping;
    this.owners = owners;
    this.buyerKey = buyer == null ? null : Notice.buyerKey(buyer);
    this.limits = limits;
  }

  /**
   * What an import found.
   *
   * @param proposals a draft proposal for each contracting process kept, in the order each first appears
   * @param skipped each release skipped, with its file, place and reason, in input order
   * @param unusable each file that could not be used, with its fault
   * @param usableFiles how many files could be used
   * @param releases how many releases (or records) the usable files hold
   * @param superseded how many releases a later release of the same ocid replaced
   * @param otherBuyers how many releases were left out as another buyer's
   */
  public record Outcome(List<Proposal> proposals, List<Skipped> skipped, List<Problem> unusable, int usableFiles,
      int releases, int superseded, int otherBuyers) {}

  /**
   * A release skipped.
   *
   * @param file the file as the user named it
   * @param place where in the file
   * @param releaseId the release's id, or null
   * @param reason why, a sentence
   */
  public record Skipped(String file, String place, String releaseId, String reason) {}

  /**
   * Imports the files.
   *
   * @param files the files, in order
   * @return what the import found
   */
  public Outcome run(List<Path> files) {
    NoticeReader reader = new NoticeReader(limits);
    Map<String, Notice> latest = new LinkedHashMap<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Problem> unusable = new ArrayList<>();
    int usable = 0;
    int releases = 0;
    int superseded = 0;
    int otherBuyers = 0;
    long order = 0;
    for (Path file : files) {
      NoticeReader.FileResult result = reader.read(file, order);
      if (result.unusable() != null) {
        unusable.add(result.unusable());
        continue;
      }
      usable++;
      releases += result.releases();
      for (NoticeReader.Skip skip : result.skipped()) {
        skipped.add(new Skipped(skip.file(), skip.place(), skip.releaseId(), skip.reason()));
      }
      for (Notice notice : result.notices()) {
        order = Math.max(order, notice.order() + 1);
        if (buyerKey != null && !buyerKey.equals(notice.buyer() == null ? null : Notice.buyerKey(notice.buyer()))) {
          otherBuyers++;
          continue;
        }
        Notice kept = latest.get(notice.ocid());
        if (kept == null) {
          latest.put(notice.ocid(), notice);
        } else {
          superseded++;
          if (NoticeReader.later(notice.when(), kept.when())) {
            latest.put(notice.ocid(), notice);
          }
        }
      }
      order += result.releases();
    }
    List<Proposal> proposals = new Drafter(mapping, owners).proposals(new ArrayList<>(latest.values()));
    return new Outcome(proposals, skipped, unusable, usable, releases, superseded, otherBuyers);
  }
}
