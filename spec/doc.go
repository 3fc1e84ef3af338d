// Package spec reads run specs: YAML files that say where a run's data
// comes from and how it is prepared, which model to build, the simulator
// backend, the training settings and where results go. It turns a spec into
// a Run whose data are split and preprocessed (scalers and PCA fitted on the
// training split only) and whose model is ready to train, and it defines
// the files a run writes: model.json's preprocessing record (Preprocess)
// and results.json (Results), the project-wide record of a run.
//
// Every problem in a spec is an *Error naming the file, the line and the
// field, e.g.
//
//	examples/iris.yaml:14: model.qubits: 3 qubits cannot angle-encode 4 features (add data.pca: 3 or use more qubits)
//
// Parse finds syntax errors, unknown or repeated fields, wrong value types
// and every check that needs no data, and reports all of them at once
// (Errors); Build finds what only the data can reveal.
//
// The model section dispatches on its kind: each kind registers the struct
// its fields decode into ("vqc" in vqc.go), so a new model family adds a
// file and no switch. docs/spec.md documents every field.
package spec
