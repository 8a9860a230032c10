// The subject types the engine itself provides; modules register theirs from their own folders.
import { registerSubjectType } from '../registry';
import { formSubmissionSubject } from './form-submission';

registerSubjectType('formSubmission', formSubmissionSubject);
