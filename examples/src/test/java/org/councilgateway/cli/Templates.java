package org.councilgateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Fills a template workbook as a secretariat would: rows typed into its first sheet, everything else kept. */
final class Templates {
  private Templates() {}

  /**
   * Copies a workbook, adding rows of text cells to its first sheet from row 2.
   *
   * @param template the workbook {@code gateway template --format xlsx} wrote
   * @param rows the rows, each a cell per column from A; null or "" leaves a cell empty
   * @param filled where the filled workbook goes
   * @return {@code filled}
   */
  static Path fill(Path template, List<List<String>> rows, Path filled) throws IOException {
    StringBuilder xml = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      int number = r + 2;
      xml.append("<row r=\"").append(number).append("\">");
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        String value = row.get(c);
        if (value == null || value.isEmpty()) {
          continue;
        }
        String ref = column(c) + number;
        xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>")
            .append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</t></is></c>");
      }
      xml.append("</row>");
    }
    // Through the central directory: the writer's local headers leave sizes to data descriptors.
    try (ZipFile in = new ZipFile(template.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(filled))) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] content = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String sheet = new String(content, StandardCharsets.UTF_8);
          int end = sheet.indexOf("</sheetData>");
          if (end < 0) {
            throw new IllegalStateException("The template's first sheet has no sheetData.");
          }
          content = (sheet.substring(0, end) + xml + sheet.substring(end)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
    return filled;
  }

  /** The text of one part of a workbook. */
  static String part(Path workbook, String name) throws IOException {
    try (ZipFile in = new ZipFile(workbook.toFile())) {
      ZipEntry entry = in.getEntry(name);
      if (entry != null) {
        return new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalArgumentException(workbook + " has no part " + name);
  }

  static String column(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }
}
