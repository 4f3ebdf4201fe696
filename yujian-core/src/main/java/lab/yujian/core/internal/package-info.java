/**
 * The hub's implementation. Not API: nothing outside {@code yujian-core} may use these types. Inside the
 * core, the API reaches in at one seam only, {@code HubBuilder} creating {@link
 * lab.yujian.core.internal.DefaultHub} from {@link lab.yujian.core.internal.HubParts}; ArchUnit rules
 * enforce both.
 */
package lab.yujian.core.internal;
