// Command qml runs and trains quantum circuits: `qml run FILE.qasm`,
// `qml train SPEC.yaml`, `qml eval`, `qml predict`, `qml version`.
package main

import (
	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
