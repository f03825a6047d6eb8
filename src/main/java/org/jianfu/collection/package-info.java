/**
 * The data-collection register (数据采集登记, requirements 14–16): every form, material demand, statistics request,
 * survey, questionnaire and invitation to a social contest that a department wants to send to schools or teachers is
 * registered, and the education commission of its level arranges it (approves, merges it into another, or refuses it)
 * before it may reach a school; the fields collections ask for come from a dictionary of standard fields, each with the
 * system that holds it.
 */
package org.jianfu.collection;
