/** Database helpers shared by the app's repositories: inserts written in batches for many threads at once. */
package lab.yujian.app.jdbc;
