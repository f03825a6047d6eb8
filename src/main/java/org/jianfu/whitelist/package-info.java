/**
 * The campus-entry whitelist (社会事务进校园白名单, requirements 8–13): departments apply to bring outside
 * affairs into schools, the education commission of the same level reviews, approved items are published
 * under {@code /public/} with a verification code any school can check, schools record what they hosted,
 * and schools and anonymous teachers report unlisted requests and banned demands. Other registers' reports join the same
 * mechanism as subjects of {@link org.jianfu.whitelist.Report}: data collections without a register code, trainings imposed
 * without the education department's approval.
 */
package org.jianfu.whitelist;
