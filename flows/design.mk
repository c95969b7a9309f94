# Make rules of a pmlp design folder; the folder's Makefile sets LIBERTY and includes this.
#   make sim     build the Verilator harness and stream the test vectors through the design
#   make synth   map the design onto the cell library with Yosys (area in synth/stat.txt)
#   make all     sim and synth: the verification job pmlp runs per design, here or on a cluster
#                (pmlp runs `make -k all`, so synthesis still runs when the simulation finds mismatches)
#   make lint    verilator --lint-only -Wall and Icarus Verilog on rtl/top.v
#   make clean   remove what sim and synth made
VERILATOR ?= verilator
YOSYS ?= yosys
IVERILOG ?= iverilog
TIMEOUT ?= 900
JOBS ?= 2
# The harness runs a few thousand cycles, so the generated C++ is compiled without optimization:
# it builds 3.5x faster (cardio 21-3-3: 3.6 s instead of 12.6 s) and still runs in milliseconds.
VERILATOR_COPT ?= -O0
# Verilator's bit-op-tree optimization miscomputes some XOR trees (verilator#4059, #4709, #5186;
# seen here with 5.006 on a cardio bit heap: 2 of 646 vectors wrong, Icarus right), so it is off.
VERILATOR_FLAGS ?= -fno-const-bit-op-tree

.PHONY: all sim synth lint clean

all: sim synth

sim: sim/obj_dir/Vtop
	cd sim && ./obj_dir/Vtop vectors.hex expected.txt predictions.txt

sim/obj_dir/Vtop: rtl/top.v sim/harness.cpp
	cd sim && timeout $(TIMEOUT) $(VERILATOR) --cc --exe --build -j $(JOBS) -Wall $(VERILATOR_FLAGS) --top-module top \
	    -Mdir obj_dir -o Vtop -CFLAGS "$(VERILATOR_COPT)" \
	    -MAKEFLAGS "OPT_FAST=$(VERILATOR_COPT) OPT_SLOW=$(VERILATOR_COPT) OPT_GLOBAL=$(VERILATOR_COPT)" \
	    ../rtl/top.v harness.cpp

synth: synth/netlist.v

# pmlp writes synth/cells.lib itself: the library as mapped, with known defects repaired (see
# LibertyRepair). Without pmlp it is a link to LIBERTY.
synth/netlist.v: rtl/top.v $(LIBERTY)
	@mkdir -p synth
	@if [ -L synth/cells.lib ] || [ ! -e synth/cells.lib ]; then ln -sfn "$(abspath $(LIBERTY))" synth/cells.lib; fi
	timeout $(TIMEOUT) $(YOSYS) -q -l synth/yosys.log -s flows/synth.ys

lint:
	timeout $(TIMEOUT) $(VERILATOR) --lint-only -Wall --top-module top rtl/top.v
	timeout $(TIMEOUT) $(IVERILOG) -g2005 -Wall -o /dev/null rtl/top.v

clean:
	rm -rf sim/obj_dir sim/predictions.txt synth
