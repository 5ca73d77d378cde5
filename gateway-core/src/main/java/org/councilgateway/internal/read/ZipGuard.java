package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.DocumentReader.unusable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks a workbook's zip before anything parses it, so that a small file cannot expand into one
 * that exhausts memory or time (a zip bomb): every part is inflated here, as far as a bound and no
 * further, through the same central directory the workbook reader then uses.
 *
 * <p>The bounds: the parts together no larger than the plan limit ({@code planBytes}), as a JSON
 * plan is; no part of more than {@value #SMALL} bytes that expands more than {@value #RATIO} times,
 * which no spreadsheet program's workbook does; no more than {@value #MAX_ENTRIES} parts.
 */
final class ZipGuard {
  /** Parts up to this size may expand as much as they like: the ratio of tiny parts means nothing. */
  static final long SMALL = 1L << 20;
  /** The most a larger part may expand. */
  static final long RATIO = 100;
  /** The most parts a workbook may have. */
  static final int MAX_ENTRIES = 10_000;

  private ZipGuard() {}

  /**
   * Checks a workbook's bytes.
   *
   * @param bytes the workbook
   * @param name its name in messages
   * @param maxBytes the most its parts may expand to, together
   * @throws org.councilgateway.InvalidPlanException when it is not a zip, or breaks a bound
   */
  static void check(byte[] bytes, String name, long maxBytes) {
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      long total = 0;
      int count = 0;
      byte[] buffer = new byte[1 << 16];
      for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
        ZipArchiveEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw unusable(name, "is refused unread: it has more than " + MAX_ENTRIES
              + " parts, which no workbook a spreadsheet program saves has.");
        }
        long declared = entry.getSize();
        if (declared > maxBytes - total) {
          throw tooLarge(name, entry.getName(), maxBytes);
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        // Inflate no further than the tighter bound: the plan limit left, or the ratio.
        long remaining = maxBytes - total;
        long ratioBound = Math.max(SMALL, RATIO * compressed);
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          if (in == null) {
            continue;
          }
          int read;
          while ((read = in.read(buffer)) >= 0) {
            inflated += read;
            if (inflated > remaining) {
              throw tooLarge(name, entry.getName(), maxBytes);
            }
            if (inflated > ratioBound) {
              throw unusable(name, "is refused unread: its part " + shown(entry.getName()) + " expands more than "
                  + RATIO + " times (from " + String.format(Locale.ROOT, "%,d", compressed)
                  + " bytes), which no workbook a spreadsheet program saves does: it is taken for a zip bomb.");
            }
          }
        }
        total += inflated;
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof org.councilgateway.InvalidPlanException invalid) {
        throw invalid;
      }
      throw unusable(name, "is not an XLSX workbook: it cannot be read as a zip file ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ").");
    }
  }

  private static org.councilgateway.InvalidPlanException tooLarge(String name, String entry, long maxBytes) {
    return unusable(name, "is refused unread: its parts expand to more than "
        + String.format(Locale.ROOT, "%,d", maxBytes) + " bytes (reached in " + shown(entry)
        + "), the most a plan may be (the planBytes limit; raise it with --limit planBytes=N, or"
        + " Limits.withPlanBytes).");
  }

  private static String shown(String entry) {
    return "\"" + (entry.length() > 60 ? entry.substring(0, 60) + "..." : entry) + "\"";
  }
}
