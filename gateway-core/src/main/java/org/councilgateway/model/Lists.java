package org.councilgateway.model;

import java.util.LinkedHashSet;
import java.util.List;

/** Lists in the model are sets kept in their given order: null is empty, a repeat counts once. */
final class Lists {
  private Lists() {}

  static <T> List<T> distinct(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(list));
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
