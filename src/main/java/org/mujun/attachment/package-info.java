/**
 * Files attached to business objects (objection evidence, remediation reports): stored in PostgreSQL,
 * checked by content against a type whitelist and a size limit, named for display only, and served as
 * downloads only to users who may see the owning object.
 */
package org.mujun.attachment;
