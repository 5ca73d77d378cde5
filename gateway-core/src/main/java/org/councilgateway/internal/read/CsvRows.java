package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.DocumentReader.unusable;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.councilgateway.internal.ReadLimits;

/**
 * The rows of a CSV file: RFC 4180, comma-separated, in UTF-8 (with or without a byte-order mark)
 * or, when the bytes are not UTF-8, Windows-1252, as Excel's plain "CSV" saves. A row is a record,
 * so a quoted cell over several lines is still one row, as a spreadsheet shows it.
 */
final class CsvRows implements Iterator<SheetReader.Row> {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final MappingIterator<String[]> records;
  private final String name;
  private final int maxChars;
  private int number;
  private String[] next;

  private CsvRows(MappingIterator<String[]> records, String name, int maxChars) {
    this.records = records;
    this.name = name;
    this.maxChars = maxChars;
  }

  /**
   * The text of a CSV file's bytes.
   *
   * @param bytes the file
   * @return its text, without a byte-order mark: UTF-8 when the bytes are, else Windows-1252
   */
  static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, WINDOWS_1252);
    }
  }

  /**
   * Opens the rows of a CSV text.
   *
   * @param text the text
   * @param name the file's name in messages
   * @param limits the limits the parser keeps
   * @return the rows
   */
  static CsvRows of(String text, String name, ReadLimits limits) {
    CsvMapper mapper = new CsvMapper(limits.csvFactory());
    try {
      return new CsvRows(mapper.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text),
          name, limits.maxStringLength());
    } catch (IOException e) {
      throw fault(e, name, limits.maxStringLength());
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        if (records.hasNextValue()) {
          next = records.nextValue();
        }
      } catch (IOException e) {
        throw fault(e, name, maxChars);
      }
    }
    return next != null;
  }

  @Override
  public SheetReader.Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String[] record = next;
    next = null;
    number++;
    List<SheetReader.Value> cells = new ArrayList<>(record.length);
    for (String cell : record) {
      cells.add(cell == null || cell.isEmpty() ? null : new SheetReader.Text(cell));
    }
    return new SheetReader.Row(number, cells);
  }

  /** What the CSV parser says of a broken file, as one sentence with its line. */
  private static RuntimeException fault(IOException e, String name, int maxChars) {
    if (!(e instanceof JsonProcessingException processing)) {
      return new java.io.UncheckedIOException(e);
    }
    JsonLocation at = processing.getLocation();
    String line = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
    boolean tooLong = false;
    for (Throwable cause = e; cause != null && !tooLong; cause = cause.getCause()) {
      tooLong = cause instanceof StreamConstraintsException
          || String.valueOf(cause.getMessage()).startsWith("String value length");
    }
    if (tooLong) {
      return unusable(name, "is not a usable CSV file" + line + ": a cell is longer than the "
          + String.format(Locale.ROOT, "%,d", maxChars) + " characters a cell may hold.");
    }
    String message = String.valueOf(processing.getOriginalMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("quote")) {
      return unusable(name, "is not valid CSV" + line + ": a quoted cell is never closed (a \" without its"
          + " closing \"), so the rest of the file would be one cell.");
    }
    String first = message.lines().findFirst().orElse(message).strip();
    first = first.length() > 200 ? first.substring(0, 200) + "..." : first;
    return unusable(name, "is not valid CSV" + line + ": " + (first.endsWith(".") ? first : first + "."));
  }
}
