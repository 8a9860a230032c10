// A subject type a module names before it carries it out: flows about it can be designed, published and
// previewed, but an instance cannot run yet. The module's own issue replaces it with the real thing.
import type { SubjectType } from './module';

export function declaredSubjectType(name: string, personalData: boolean): SubjectType {
  const notYet = () => Promise.reject(new Error(`the subject type "${name}" is declared but not carried out yet`));
  return { personalData, load: notYet, deletePersonalData: notYet };
}
