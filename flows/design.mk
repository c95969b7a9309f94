# Make rules of a pmlp design folder; the folder's Makefile sets LIBERTY and includes this.
#   make sim     build the Verilator harness and stream the test vectors through the design
#   make synth   map the design onto the cell library with Yosys (area in synth/stat.txt)
#   make equiv   prove synth/netlist.v equivalent to rtl/top.v (ABC cec, registers matched by
#                name, else dsec; log in equiv/abc.log)
#   make reference  try to prove rtl/top.v equal to rtl/reference.v, the behavioural reference
#                (ABC dsec within PROVE_TIMEOUT; log in reference/abc.log)
#   make lint    verilator --lint-only -Wall and Icarus Verilog on rtl/top.v
#   make sta     static timing of synth/netlist.v with OpenSTA (flows/sta.tcl) at CLOCK_HZ:
#                the worst path and its slack (report in sta/report.txt; times in ms)
#   make power   OpenSTA's report_power on synth/netlist.v (sta/power.txt): its leakage is the
#                sum of the cells' average leakage (pmlp's own figure is state-dependent, from
#                simulation); its internal and switching power assume OpenSTA's default activity,
#                not the test vectors'. pmlp's simulated power needs Java (pmlp run / pmlp synth).
#   make all     sim, synth, equiv and sta: the verification job pmlp runs per design, here or on a
#                cluster (pmlp runs `make -k all`, so synthesis, the proof and timing still run when
#                the simulation finds mismatches); none of it needs Java, and `make -j` over many
#                design folders runs them side by side (each writes only inside its own folder)
#   make clean   remove what sim and synth made
VERILATOR ?= verilator
YOSYS ?= yosys
YOSYS_ABC ?= yosys-abc
IVERILOG ?= iverilog
TIMEOUT ?= 900
# Bound of the equivalence proof alone (ABC's own -T limit and a hard timeout): a proof that
# does not finish is reported as not proved, never as a pass.
PROVE_TIMEOUT ?= 300
JOBS ?= 2
# Which ports are registered (none|inputs|outputs|both; the folder's Makefile says). A design
# without registers has no clock port: the proofs' wrapper then instantiates it without one.
REGISTERS ?= both
COMB_DEFINE = $(if $(filter none,$(REGISTERS)),-DPMLP_COMB)
# The harness runs a few thousand cycles, so the generated C++ is compiled without optimization:
# it builds 3.5x faster (cardio 21-3-3: 3.6 s instead of 12.6 s) and still runs in milliseconds.
VERILATOR_COPT ?= -O0
# Verilator's bit-op-tree optimization miscomputes some XOR trees (verilator#4059, #4709, #5186;
# seen here with 5.006 on a cardio bit heap: 2 of 646 vectors wrong, Icarus right), so it is off.
VERILATOR_FLAGS ?= -fno-const-bit-op-tree

.PHONY: all sim synth equiv sta power reference lint clean

all: sim synth equiv sta

sim: sim/obj_dir/Vtop
	cd sim && ./obj_dir/Vtop vectors.hex expected.txt predictions.txt

sim/obj_dir/Vtop: rtl/top.v sim/harness.cpp
	cd sim && timeout $(TIMEOUT) $(VERILATOR) --cc --exe --build -j $(JOBS) -Wall $(VERILATOR_FLAGS) --top-module top \
	    -Mdir obj_dir -o Vtop -CFLAGS "$(VERILATOR_COPT)" \
	    -MAKEFLAGS "OPT_FAST=$(VERILATOR_COPT) OPT_SLOW=$(VERILATOR_COPT) OPT_GLOBAL=$(VERILATOR_COPT)" \
	    ../rtl/top.v harness.cpp

synth: synth/netlist.v

# LIBERTY as seen from synth/: never through $(abspath), whose result holds the folder's own path
# (which may hold spaces, quotes or `$(...)` a shell would read).
LIBERTY_FROM_SYNTH = $(if $(filter /%,$(LIBERTY)),$(LIBERTY),../$(LIBERTY))

# pmlp writes synth/cells.lib itself: the library as mapped, with known defects repaired (see
# LibertyRepair). Without pmlp it is a link to LIBERTY.
synth/netlist.v: rtl/top.v $(LIBERTY)
	@mkdir -p synth
	@if [ -L synth/cells.lib ] || [ ! -e synth/cells.lib ]; then ln -sfn '$(LIBERTY_FROM_SYNTH)' synth/cells.lib; fi
	@rm -f synth/stat.txt synth/yosys.log synth/netlist.v synth/netlist.json
	timeout $(TIMEOUT) $(YOSYS) -q -l synth/yosys.log -s flows/synth.ys

# Equivalence of the RTL and the netlist for every input sequence, in two tries. First ABC's
# combinational check (cec) with the registers matched by name: when the logic between the
# registers is the same, the two compute the same next state and outputs from the same state,
# and as pmlp's designs are pipelines without feedback, both hold the same state once every
# register is loaded, the two clocks the wrapper waits. It proves large designs sequential
# induction does not finish (exact arrhythmia: 133 s, where dsec ran out of 300 s). Where it
# does not prove them equal, sequential equivalence (dsec: registers matched by induction, not
# by name) decides: always for registered designs, whose flip-flops are named after the
# library's cells (cec then stops at once), and where synthesis drops or merges a register. The
# deciding check's output is equiv/abc.log ("Networks are equivalent", "... NOT EQUIVALENT ..."
# or "... UNDECIDED ..."; only the first passes), the first try's equiv/cec.log.
equiv: synth/netlist.v
	@rm -rf equiv && mkdir -p equiv
	timeout $(TIMEOUT) $(YOSYS) -q -l equiv/yosys.log -p "verilog_defines -DXW=$(X_BITS) -DYW=$(Y_BITS) $(COMB_DEFINE); script flows/equiv.ys"
	timeout $(PROVE_TIMEOUT) $(YOSYS_ABC) -c "cec -T $(PROVE_TIMEOUT) equiv/rtl.blif equiv/netlist.blif" >equiv/cec.log 2>&1 || true
	@# silent: an echoed recipe holding the verdict phrase would read as a verdict
	@if grep -qi "networks are equivalent" equiv/cec.log; then cp equiv/cec.log equiv/abc.log; s=0; else \
	    echo "cec did not prove it (equiv/cec.log): dsec"; \
	    timeout $(PROVE_TIMEOUT) $(YOSYS_ABC) -c "dsec -T $(PROVE_TIMEOUT) equiv/rtl.blif equiv/netlist.blif" \
	    >equiv/abc.log 2>&1; s=$$?; fi; echo $$s >equiv/abc.status; cat equiv/abc.log; exit $$s
	@grep -qi "networks are equivalent" equiv/abc.log || { echo "equiv: the netlist is NOT proved equivalent to the RTL"; exit 1; }

# The gate-level RTL against the behavioural reference: a harder proof (multipliers against bit
# heaps) that may not finish within its bound on large designs.
reference:
	@rm -rf reference && mkdir -p reference
	timeout $(TIMEOUT) $(YOSYS) -q -l reference/yosys.log -p "verilog_defines -DXW=$(X_BITS) -DYW=$(Y_BITS) $(COMB_DEFINE); script flows/reference.ys"
	timeout $(PROVE_TIMEOUT) $(YOSYS_ABC) -c "dsec -T $(PROVE_TIMEOUT) reference/rtl.blif reference/reference.blif" \
	    >reference/abc.log 2>&1; s=$$?; cat reference/abc.log; exit $$s
	@grep -qi "networks are equivalent" reference/abc.log || { echo "reference: rtl/top.v is NOT proved equal to rtl/reference.v"; exit 1; }

lint:
	timeout $(TIMEOUT) $(VERILATOR) --lint-only -Wall --top-module top rtl/top.v
	timeout $(TIMEOUT) $(IVERILOG) -g2005 -Wall -o /dev/null rtl/top.v

clean:
	rm -rf sim/obj_dir sim/predictions.txt synth equiv reference sta

# Sign-off: static timing and OpenSTA's power, and everything at once.
STA ?= sta
CLOCK_HZ ?= 5

# OpenSTA (Debian: 2.0.17) exits 0 even when a Tcl command fails, so its output is checked.
sta: synth/netlist.v
	@mkdir -p sta
	PMLP_CLOCK_HZ=$(CLOCK_HZ) timeout $(TIMEOUT) $(STA) -no_init -no_splash -exit flows/sta.tcl >sta/report.txt 2>&1
	@if grep -q '^Error' sta/report.txt; then cat sta/report.txt; echo "sta: OpenSTA failed (sta/report.txt)"; exit 1; fi
	@grep -E '^(pmlp-sta|Startpoint|Endpoint)|data arrival time|slack|No paths' sta/report.txt

power: sta
	@sed -n '/^Group .*Internal/,$$p' sta/report.txt | tee sta/power.txt
