/**
 * Batching of broadcasts per channel: DATA messages of a busy channel go out together as one
 * {@code BATCH}, flushed by size or by age.
 */
package lab.yujian.core.batch;
