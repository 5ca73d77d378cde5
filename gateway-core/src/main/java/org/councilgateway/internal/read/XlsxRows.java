package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.DocumentReader.unusable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The rows of a workbook's first worksheet, streamed, each cell as the workbook holds it: text, a
 * number, a boolean, a date (a number formatted as one), or refused (an error value, or a formula
 * never calculated). A formula's saved value is read, as the spreadsheet shows it.
 */
final class XlsxRows implements Iterator<SheetReader.Row>, AutoCloseable {
  /** The error values a spreadsheet shows in place of a formula's result. */
  private static final Set<String> ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
      "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!");

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final String name;
  private final String sheetName;

  private XlsxRows(ReadableWorkbook workbook, Sheet sheet, String name) throws IOException {
    this.workbook = workbook;
    this.stream = sheet.openStream();
    this.rows = stream.iterator();
    this.name = name;
    this.sheetName = sheet.getName();
  }

  /**
   * Opens the first worksheet of a workbook whose zip {@link ZipGuard} has checked.
   *
   * @param bytes the workbook
   * @param name its name in messages
   * @return the rows
   * @throws org.councilgateway.InvalidPlanException when it is not a workbook or has no worksheet
   */
  static XlsxRows open(byte[] bytes, String name) {
    ReadableWorkbook workbook = null;
    try {
      workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
      Sheet sheet = workbook.getFirstSheet();
      if (sheet == null) {
        throw unusable(name, "is a workbook with no worksheet.");
      }
      return new XlsxRows(workbook, sheet, name);
    } catch (IOException | RuntimeException e) {
      close(workbook);
      if (e instanceof org.councilgateway.InvalidPlanException invalid) {
        throw invalid;
      }
      throw notWorkbook(name, e);
    }
  }

  private static org.councilgateway.InvalidPlanException notWorkbook(String name, Exception e) {
    return unusable(name, "is not an XLSX workbook that can be read ("
        + String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip() + ").");
  }

  /** The sheet's name, as a location starts with it. */
  String sheetName() {
    return sheetName;
  }

  @Override
  public boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
      throw notWorkbook(name, e);
    }
  }

  @Override
  public SheetReader.Row next() {
    Row row;
    try {
      row = rows.next();
    } catch (UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
      throw notWorkbook(name, e);
    }
    List<SheetReader.Value> cells = new ArrayList<>(row.getCellCount());
    for (Cell cell : row) {
      cells.add(cell == null ? null : value(cell));
    }
    return new SheetReader.Row(row.getRowNum(), cells);
  }

  private SheetReader.Value value(Cell cell) {
    Object value = cell.getValue();
    switch (cell.getType()) {
      case EMPTY:
        return null;
      case STRING:
        return new SheetReader.Text(String.valueOf(value));
      case BOOLEAN:
        return new SheetReader.Bool(Boolean.TRUE.equals(value));
      case ERROR:
        return new SheetReader.Refused("holds the error " + cell.getRawValue() + " instead of a value.");
      case NUMBER:
        return number(cell);
      case FORMULA:
      default:
        if (value == null) {
          return new SheetReader.Refused("is a formula (=" + shown(cell.getFormula()) + ") with no saved value:"
              + " open and save the workbook in a spreadsheet program, or paste the value in its place.");
        }
        if (value instanceof Boolean bool) {
          return new SheetReader.Bool(bool);
        }
        if (value instanceof BigDecimal) {
          return number(cell);
        }
        String text = String.valueOf(value);
        if (ERRORS.contains(text)) {
          return new SheetReader.Refused("is a formula (=" + shown(cell.getFormula()) + ") whose value is the error "
              + text + ".");
        }
        return new SheetReader.Text(text);
    }
  }

  private static String shown(String formula) {
    String text = String.valueOf(formula);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** A number, or a date when it is formatted as one. */
  private SheetReader.Value number(Cell cell) {
    String raw = cell.getRawValue();
    if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
      try {
        BigDecimal serial = new BigDecimal(raw);
        if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2_958_466)) < 0) {
          long days = serial.longValue();
          LocalDate date = workbook.isDate1904() ? LocalDate.of(1904, 1, 1).plusDays(days)
              // Excel counts 29 February 1900, which was not: serials from 61 on are one day ahead.
              : days >= 61 ? LocalDate.of(1899, 12, 30).plusDays(days) : LocalDate.of(1899, 12, 31).plusDays(days);
          return new SheetReader.Date(date);
        }
      } catch (NumberFormatException e) {
        // Not a serial number: read it as the number it claims to be.
      }
    }
    return new SheetReader.Number(raw);
  }

  /**
   * Whether a number format shows a date: one of the built-in date formats, or a format with a day
   * or a year in it (outside quoted text and brackets). A time alone is not a date.
   */
  static boolean isDateFormat(Integer id, String format) {
    if (id != null && (id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
      return true;
    }
    if (format == null) {
      return false;
    }
    String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").replaceAll("\\\\.", "")
        .toLowerCase(Locale.ROOT);
    return bare.contains("y") || bare.contains("d");
  }

  @Override
  public void close() {
    stream.close();
    close(workbook);
  }

  private static void close(ReadableWorkbook workbook) {
    if (workbook != null) {
      try {
        workbook.close();
      } catch (IOException e) {
        // The workbook is in memory: nothing is left open.
      }
    }
  }
}
