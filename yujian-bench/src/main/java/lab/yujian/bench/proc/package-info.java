/** What the bench reads about processes: CPU and RSS from /proc, the heap after a full GC from jcmd. */
package lab.yujian.bench.proc;
