package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// IO holds the streams a command reads and writes, so tests can capture
// them (the gh CLI's IOStreams pattern): commands never touch os.Stdout.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// IsTerminal reports whether Out is an interactive terminal (progress
	// bars then; plain lines otherwise).
	IsTerminal bool
}

// version is set at link time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

// newRootCmd builds the command tree over the given streams.
func newRootCmd(s *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "qml",
		Short: "Simulate and train quantum circuits, down to the control pulses",
		Long: `qml simulates quantum circuits (dense state vector) and trains variational
models on them. Qubit 0 is the least-significant bit of a basis index and is
printed rightmost in bitstrings.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.AddCommand(newVersionCmd(s))
	for _, add := range subcommands {
		root.AddCommand(add(s))
	}
	return root
}

// subcommands lists the constructors of the commands defined in other files
// of this package; each file registers its own in an init function.
var subcommands []func(*IO) *cobra.Command

func newVersionCmd(s *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the qml version",
		Example: "  qml version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(s.Out, "qml %s\n", version)
			return err
		},
	}
}

// exitError carries a specific exit status.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Main runs qml with args and returns the exit status: 0 on success, 1 on
// an error (printed as one line on stderr, no stack trace), 2 on bad usage.
func Main(args []string, in io.Reader, out, errOut io.Writer) int {
	s := &IO{In: in, Out: out, Err: errOut, IsTerminal: isTerminal(out)}
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(errOut, "qml: %s\n", strings.ReplaceAll(msg, "\n", "\n  "))
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsageError(msg) {
		return 2
	}
	return 1
}

// isUsageError recognises cobra's own argument and flag errors.
func isUsageError(msg string) bool {
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "accepts ", "requires ", "invalid argument", "flag needs an argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
