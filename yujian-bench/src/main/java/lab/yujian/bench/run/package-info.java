/** The bench's side of the generator: agent processes, their command line, and their merged reports. */
package lab.yujian.bench.run;
