package org.councilgateway.model;

/**
 * The effect of a proposal on council posts.
 *
 * @param postsDeleted posts deleted
 * @param postsCreated posts created
 * @param postsRedesignated posts redesignated
 * @param tupeTransfer whether staff transfer under TUPE
 */
public record Staffing(int postsDeleted, int postsCreated, int postsRedesignated, boolean tupeTransfer) {

  /** No change to staffing. */
  public static final Staffing NONE = new Staffing(0, 0, 0, false);

  /**
   * Checks the values.
   *
   * @param postsDeleted posts deleted
   * @param postsCreated posts created
   * @param postsRedesignated posts redesignated
   * @param tupeTransfer whether staff transfer under TUPE
   */
  public Staffing {
    requireNotNegative("postsDeleted", postsDeleted);
    requireNotNegative("postsCreated", postsCreated);
    requireNotNegative("postsRedesignated", postsRedesignated);
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
  }

  /**
   * Tells whether more posts are deleted than created.
   *
   * @return true on a net loss of posts
   */
  public boolean netLossOfPosts() {
    return postsDeleted > postsCreated;
  }

  /**
   * Tells whether any post changes or staff transfer.
   *
   * @return true when posts are deleted, created or redesignated, or staff transfer under TUPE
   */
  public boolean anyChange() {
    return postsDeleted > 0 || postsCreated > 0 || postsRedesignated > 0 || tupeTransfer;
  }
}
