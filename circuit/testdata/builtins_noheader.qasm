// No OPENQASM header and no include: only U and CX exist, and the file
// defines its own gates from them.
gate h a { U(pi/2, 0, pi) a; }          // the Hadamard: stands for the registered h
gate x a { U(pi, 0, pi) a; }            // Pauli X: stands for x
gate z a { U(0, 0, pi/2) a; }           // not Pauli Z but S: stays this file's gate
gate cx c, t { CX c, t; }               // the registered cx
gate bell a, b { h a; CX a, b; }
qreg a[2];
qreg b[2];
creg m[2];
bell a[0], b[0];
CX a, b;                                // broadcast: 2 ops
U(0.25, 0.5, 0.75) b;                   // broadcast: 2 ops
z a[1];
x b[1];
cx b[1], a[0];
measure b -> m;
