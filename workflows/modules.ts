// The modules' own workflow types: the workflow side's one list of modules, like engine/modules/index.ts on
// the engine's (workflow code may not import engine/). Each module that has workflow types of its own keeps them
// in workflows/<module>/ and is named here; its module.ts declares their names (Module.workflowTypes), and
// test/workflows/module-workflows.test.ts checks the two lists agree.
export * from './election';
