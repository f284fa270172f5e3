/**
 * Small file-system chores several stages share (removing a scratch folder), so that each is written once. Depends on
 * nothing of mvlab's.
 */
package dev.mvlab.files;
