// Command qml runs, draws and trains quantum circuits and compares them with
// classical models: `qml run FILE.qasm` (OpenQASM 2.0 or 3, optionally under
// a noise model), `qml draw`, `qml train SPEC.yaml`, `qml eval`, `qml
// predict`, `qml bench models|sim|merge`, `qml ising`, the lecture's
// experiments `qml widthscan`, `qml rg` and `qml pca-rg`, and `qml version`.
package main

import (
	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
