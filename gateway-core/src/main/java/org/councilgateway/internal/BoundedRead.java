package org.councilgateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Problem;

/**
 * Reads a plan or scenario as UTF-8 text, never more than a bound: a regular file only (a device,
 * a pipe or a directory is refused unread), and no more bytes than the limit however the file grows
 * or whatever size it claims.
 */
public final class BoundedRead {
  /** The largest array the JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private BoundedRead() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @param maxBytes the most bytes it may have
   * @param noun what it is in messages: {@code plan} or {@code scenario file}
   * @return its text, without a byte-order mark
   * @throws InvalidPlanException when it does not exist, is not a regular file, is larger than
   *     {@code maxBytes}, cannot be read or is not UTF-8
   */
  public static String text(Path file, long maxBytes, String noun) {
    String name = file.toString();
    long size = checked(file, maxBytes, noun);
    try (InputStream in = Files.newInputStream(file)) {
      return text(in, name, maxBytes, noun, size);
    } catch (NoSuchFileException e) {
      throw unusable(name, "does not exist.");
    } catch (IOException e) {
      throw unusable(name, "cannot be read: " + e.getMessage() + ".");
    }
  }

  /**
   * Reads a file's bytes, as {@link #text(Path, long, String)} reads its text: a regular file only,
   * and no more than the limit.
   *
   * @param file the file
   * @param maxBytes the most bytes it may have
   * @param noun what it is in messages, such as {@code plan}
   * @return its bytes
   * @throws InvalidPlanException when it does not exist, is not a regular file, is larger than
   *     {@code maxBytes} or cannot be read
   */
  public static byte[] bytes(Path file, long maxBytes, String noun) {
    String name = file.toString();
    long size = checked(file, maxBytes, noun);
    try (InputStream in = Files.newInputStream(file)) {
      return exactly(in, name, maxBytes, noun, size);
    } catch (NoSuchFileException e) {
      throw unusable(name, "does not exist.");
    } catch (IOException e) {
      throw unusable(name, "cannot be read: " + e.getMessage() + ".");
    }
  }

  /**
   * Reads a stream's bytes to its end, or to just past the limit.
   *
   * @param in the stream; not closed
   * @param name its name in messages
   * @param maxBytes the most bytes it may have
   * @param noun what it is in messages, such as {@code plan}
   * @return its bytes
   * @throws InvalidPlanException when it is larger than {@code maxBytes}, cannot be read or does
   *     not fit in memory
   */
  public static byte[] bytes(InputStream in, String name, long maxBytes, String noun) {
    return exactly(in, name, maxBytes, noun, 0);
  }

  private static byte[] exactly(InputStream in, String name, long maxBytes, String noun, long expected) {
    ByteBuffer bytes = bounded(in, name, maxBytes, noun, expected);
    return bytes.remaining() == bytes.array().length ? bytes.array() : Arrays.copyOf(bytes.array(), bytes.remaining());
  }

  /** Checks a file is a regular file within the limit, before it is opened. @return its size */
  private static long checked(Path file, long maxBytes, String noun) {
    String name = file.toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw unusable(name, "does not exist.");
    } catch (IOException e) {
      throw unusable(name, "cannot be read: " + e.getMessage() + ".");
    }
    if (attributes.isDirectory()) {
      throw unusable(name, "cannot be read: it is a directory, not a " + noun + ".");
    }
    if (!attributes.isRegularFile()) {
      // Opening a pipe waits for a writer, and a device such as /dev/zero never ends.
      throw unusable(name, "cannot be read: it is not a regular file but a device, a pipe or a socket, which is"
          + " never read as a " + noun + ".");
    }
    if (attributes.size() > maxBytes) {
      // Refused before reading: the bounded read below would stop at the limit anyway, but only
      // after reading that much.
      throw unusable(name, "is " + attributes.size() + " bytes long, more than the " + maxBytes + " bytes a "
          + noun + " may be.");
    }
    return attributes.size();
  }

  /**
   * Reads a stream to its end, or to just past the limit.
   *
   * @param in the stream; not closed
   * @param name its name in messages
   * @param maxBytes the most bytes it may have
   * @param noun what it is in messages: {@code plan} or {@code scenario file}
   * @return its text, without a byte-order mark
   * @throws InvalidPlanException when it is larger than {@code maxBytes}, cannot be read, does not
   *     fit in memory or is not UTF-8
   */
  public static String text(InputStream in, String name, long maxBytes, String noun) {
    return text(in, name, maxBytes, noun, 0);
  }

  /** Reads a stream whose size is expected to be {@code expected} bytes (0 when unknown). */
  private static String text(InputStream in, String name, long maxBytes, String noun, long expected) {
    ByteBuffer bytes = bounded(in, name, maxBytes, noun, expected);
    try {
      String text = new String(bytes.array(), 0, bytes.remaining(), StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        // The quick decoding above replaces bytes that are not UTF-8; decode strictly to tell those
        // from a replacement character the file really has.
        StandardCharsets.UTF_8.newDecoder().decode(bytes);
      }
      // A byte-order mark is not part of the document.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw unusable(name, "is not UTF-8 text, so it is not a JSON or YAML " + noun + ".");
    }
  }

  /** Reads a stream's bytes, refusing more than the limit in a sentence. */
  private static ByteBuffer bounded(InputStream in, String name, long maxBytes, String noun, long expected) {
    ByteBuffer bytes;
    try {
      bytes = bytes(in, Math.min(maxBytes, MAX_ARRAY - 1), expected);
    } catch (IOException e) {
      throw unusable(name, "cannot be read: " + e.getMessage() + ".");
    } catch (OutOfMemoryError e) {
      // Only this read's buffer is lost; say so rather than fail with no sentence.
      throw unusable(name, "does not fit in the memory the Java virtual machine has (-Xmx) to read a " + noun + ".");
    }
    if (bytes.remaining() > maxBytes || bytes.remaining() > MAX_ARRAY - 1) {
      throw unusable(name, "is larger than " + String.format(Locale.ROOT, "%,d", Math.min(maxBytes, MAX_ARRAY - 1))
          + " bytes, the most a " + noun + " may be.");
    }
    return bytes;
  }

  /**
   * Reads at most {@code limit + 1} bytes: one more than the limit tells that there are more.
   *
   * @return the bytes read, from the start of the buffer (not copied to a buffer of their size)
   */
  private static ByteBuffer bytes(InputStream in, long limit, long expected) throws IOException {
    int most = (int) Math.min(limit + 1, MAX_ARRAY);
    // A file's size is known: one buffer of that size and a byte more, unless it has grown.
    byte[] buffer = new byte[(int) Math.min(most, Math.max(1 << 16, expected + 1))];
    int length = 0;
    while (length < most) {
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(most, buffer.length * 2L));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
    }
    return ByteBuffer.wrap(buffer, 0, length);
  }

  /**
   * Reads a file's bytes, at most one more than a limit (so that more than the limit shows as a
   * longer array) and without following a symbolic link put in place of the file.
   *
   * @param file the file
   * @param limit the most bytes it may have
   * @return its bytes, {@code limit + 1} of them when it has more than the limit
   * @throws IOException when it cannot be opened or read, or is a link
   */
  public static byte[] upTo(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes((int) Math.min(limit + 1, MAX_ARRAY));
    }
  }

  private static InvalidPlanException unusable(String name, String message) {
    Problem problem = new Problem(name, 0, 0, message);
    return new InvalidPlanException(problem.toString(), List.of(problem));
  }
}
