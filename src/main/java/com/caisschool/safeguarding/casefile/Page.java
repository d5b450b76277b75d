package com.caisschool.safeguarding.casefile;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list: its rows, its number, whether a page follows, and how many rows the
 * whole list has where counting them is cheap (null where it is not: the case list).
 */
record Page<T>(List<T> rows, int number, boolean hasNext, Long total, int size) {

  /**
   * A page read with one row more than it shows ({@link PageRequest#size()} + 1): that row, if
   * there, only tells that a next page exists.
   */
  static <T> Page<T> ofOneMore(List<T> rowsAndOneMore, PageRequest request, Long total) {
    boolean more = rowsAndOneMore.size() > request.size();
    return new Page<>(more ? rowsAndOneMore.subList(0, request.size()) : rowsAndOneMore, request.number(), more,
        total, request.size());
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  /** The number of pages where the total is known; else null. */
  public Integer pages() {
    return total == null ? null : (int) Math.max(1, (total + size - 1) / size);
  }

  /** The number of the first row shown (entries are numbered across pages: 1, 2, 3 ...). */
  long firstRowNumber() {
    return (long) (number - 1) * size + 1;
  }

  <R> Page<R> map(Function<List<T>, List<R>> rowsShown) {
    return new Page<>(rowsShown.apply(rows), number, hasNext, total, size);
  }
}
