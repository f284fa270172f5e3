/**
 * Runs rendered plans on a database, one verb per class, each returning a result record and never printing:
 * {@link dev.mvlab.deploy.Apply}, {@link dev.mvlab.deploy.Diff}, {@link dev.mvlab.deploy.Drop},
 * {@link dev.mvlab.deploy.ProjectCheck}, {@link dev.mvlab.deploy.Copy}. Statements are tried in a throwaway shadow
 * database where the server's own normalised form is needed.
 */
package dev.mvlab.deploy;
