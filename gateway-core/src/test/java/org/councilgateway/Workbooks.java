package org.councilgateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Workbooks for reader tests: written by a real XLSX writer (fastexcel), or part by part where a
 * test needs what writers do not write (a formula's saved value, a zip bomb, a million rows).
 */
final class Workbooks {
  private Workbooks() {}

  /**
   * Writes rows to a workbook's first sheet, each value as its type makes it: a String as text, a
   * Number as a number, a Boolean as a boolean, a LocalDate as a date cell; null leaves the cell empty.
   */
  static Path write(Path file, String sheetName, List<List<Object>> rows) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "gateway tests", "1.0");
      Worksheet sheet = workbook.newWorksheet(sheetName);
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof String text) {
            sheet.value(r, c, text);
          } else if (value instanceof Number number) {
            sheet.value(r, c, number);
          } else if (value instanceof Boolean bool) {
            sheet.value(r, c, bool);
          } else if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
          } else if (value instanceof Formula formula) {
            sheet.formula(r, c, formula.text());
          }
        }
      }
      workbook.finish();
    }
    return file;
  }

  /** A formula, written without a saved value, as programs that do not calculate write one. */
  record Formula(String text) {}

  /**
   * Writes a workbook part by part: the sheet's {@code <sheetData>} content as given, and styles
   * where style 1 is a date (yyyy-mm-dd).
   */
  static Path raw(Path file, String sheetName, String sheetData) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      parts(zip, sheetName);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>")
          .getBytes(StandardCharsets.UTF_8));
      zip.write(sheetData.getBytes(StandardCharsets.UTF_8));
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /** Every part of a one-sheet workbook but the sheet. */
  static void parts(ZipOutputStream zip, String sheetName) throws IOException {
    String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
    put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + rel
        + "\"><sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
    put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
  }

  static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** An inline text cell. */
  static String text(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text.replace("&", "&amp;").replace("<", "&lt;")
        + "</t></is></c>";
  }

  /** Row 1 with the required columns, A to E. */
  static String requiredHeader() {
    return "<row r=\"1\">" + text("A1", "id") + text("B1", "title") + text("C1", "leadDirectorate")
        + text("D1", "serviceArea") + text("E1", "changeType") + "</row>";
  }

  /** A row of a valid proposal's required cells, A to E, with the given id. */
  static String requiredRow(int row, String id) {
    return "<row r=\"" + row + "\">" + text("A" + row, id) + text("B" + row, "Youth clubs") + text("C" + row, "PEOPLE")
        + text("D" + row, "YOUTH_PROVISION") + text("E" + row, "NEW") + "</row>";
  }
}
