/** Readiness probes of a cluster node's data path: RabbitMQ and Redis (the database is Spring's own {@code db}). */
package lab.yujian.app.health;
