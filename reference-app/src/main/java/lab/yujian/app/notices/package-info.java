/**
 * Notices to one user: an admin or a lab service (by device key) tells one person something (their
 * booking is ready), on every session that person has open.
 */
package lab.yujian.app.notices;
