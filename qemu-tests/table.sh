# shellcheck shell=bash
# Scenarios as data: qemu-tests/scenarios/*.cfg, read by scenario_table
# (sourced by qemu-tests/run.sh, which runs each .cfg file as a unit, as
# it runs the .sh files whose scenarios need code). The layout follows
# kvm-unit-tests' arm/unittests.cfg: one stanza per test.
#
#   # a comment
#   let NAME = VALUE        a named value; "list NAME = VALUE" adds one to
#                           a named list (patterns used together)
#   [NAME]                  a boot, judged as run.sh's scenario() judges it
#   [kunit NAME]            a boot with KUnit, each case a test (kunit())
#   [vs-stock NAME TAG]     our image and the stock one, TAG: lines equal
#                           (view_vs_stock())
#   key = VALUE             a boot.sh setting: KEY=VALUE (smp = 4 is SMP=4,
#                           firmware = tfa is FIRMWARE=tfa, ...)
#   expect = PATTERN        a console line that must be there (extended
#                           regular expression)
#   then = PATTERN          ... on a line after the previous match
#   reject = PATTERN        a console line that must not be there
#   needs = PATH            a file under build/ the boot needs (firmware):
#                           without it the test fails, saying so
#
# Every key is checked: one that is neither a pattern key nor a setting
# boot.sh reads (TABLE_SETTINGS), and a $NAME that names nothing, fail
# their stanza without booting it; a line that cannot be read is a failed
# test of its own. Nothing in a table is dropped in silence.
#
# A VALUE that is just $NAME is that named value (a list gives each of its
# patterns, each with its own expect/reject/then meaning when written
# "!..." or ">..."); NAME is one of the file's, or one of run.sh's shared
# ones (ALL4, HOTPLUG_OK, KUNIT_REPORT, ...). Nothing else is expanded:
# the patterns are written as the console shows them.

# The boot.sh settings a table may set (lower case, as written).
TABLE_SETTINGS=" dts smp machine mem action cmd cycles image append timeout qemu_extra force
	expect_panic allow_report guest_arch firmware tfa end kvm_quiet kvm_relay kvm_l1_image
	kvm_l1_extra tcg_thread "

# table_value NAME: the lines of the named value NAME (the table's own,
# else run.sh's variable or array of that name).
table_value() {
	if [ -n "${TABLE_LETS[$1]+x}" ]; then
		printf '%s\n' "${TABLE_LETS[$1]}"
	elif declare -p "$1" 2>/dev/null | grep -q '^declare -a'; then
		local -n arr=$1
		printf '%s\n' "${arr[@]}"
	elif [ -n "${!1+x}" ]; then
		printf '%s\n' "${!1}"
	else
		return 1
	fi
}

# table_resolve VALUE: VALUE, or the lines of the named value it names.
table_resolve() {
	if [[ "$1" =~ ^\$([A-Za-z_][A-Za-z0-9_]*)$ ]]; then
		table_value "${BASH_REMATCH[1]}" || {
			echo "table: unknown name $1" >&2
			return 1
		}
	else
		printf '%s\n' "$1"
	fi
}

# scenario_table FILE: run every stanza of FILE.
scenario_table() {
	local file=$1 line key val kind= name= tag= lineno=0 v
	local settings=() patterns=() needs=() errors=
	declare -gA TABLE_LETS=()
	local -a lines

	table_flush() {
		[ -n "$kind" ] || return 0
		local broken= p
		if [ -n "$errors" ]; then
			# The stanza cannot be run as written: one failed test, named.
			[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || { kind= errors=; return 0; }
			n=$((n + 1))
			tap_result "$name" "$file: $errors" "$file"
			kind= name= tag= settings=() patterns=() needs=() errors=
			return 0
		fi
		for p in "${needs[@]}"; do
			[ -f "$BUILD/$p" ] || broken="${broken:+$broken; }build/$p was not built"
		done
		[ -z "$broken" ] || broken="$broken (see $BUILD/logs/)"
		case "$kind" in
		boot) SCENARIO_BROKEN=$broken scenario "$name" "${settings[@]}" -- "${patterns[@]}" ;;
		kunit) kunit "$name" "${settings[@]}" ;;
		vs-stock) SCENARIO_BROKEN=$broken view_vs_stock "$name" "$tag" "${settings[@]}" -- \
			"${patterns[@]}" ;;
		esac
		kind= name= tag= settings=() patterns=() needs=() errors=
	}

	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		[[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
		if [[ "$line" =~ ^\[(kunit\ |vs-stock\ )?([^] ]+)(\ ([A-Za-z0-9_-]+))?\]$ ]]; then
			table_flush
			kind=${BASH_REMATCH[1]% }
			kind=${kind:-boot}
			name=${BASH_REMATCH[2]} tag=${BASH_REMATCH[4]}
			continue
		fi
		if [[ "$line" =~ ^(let|list)\ +([A-Za-z_][A-Za-z0-9_]*)\ +=\ (.*)$ ]]; then
			if [ "${BASH_REMATCH[1]}" = let ] || [ -z "${TABLE_LETS[${BASH_REMATCH[2]}]+x}" ]; then
				TABLE_LETS[${BASH_REMATCH[2]}]=${BASH_REMATCH[3]}
			else
				TABLE_LETS[${BASH_REMATCH[2]}]+=$'\n'${BASH_REMATCH[3]}
			fi
			continue
		fi
		if ! [[ "$line" =~ ^([a-z_0-9]+)\ +=\ (.*)$ ]] || [ -z "$kind" ]; then
			if [ -n "$kind" ]; then
				errors+="line $lineno cannot be read: \"$line\"; "
			else
				n=$((n + 1))
				tap_result "$file:$lineno" "cannot read \"$line\" (outside a stanza)" "$file"
			fi
			continue
		fi
		key=${BASH_REMATCH[1]} val=${BASH_REMATCH[2]}
		if ! table_resolve "$val" > /dev/null 2>&1; then
			errors+="line $lineno: unknown name $val; "
			continue
		fi
		mapfile -t lines < <(table_resolve "$val")
		case "$key" in
		expect) patterns+=("${lines[@]}") ;;
		then) for v in "${lines[@]}"; do patterns+=(">$v"); done ;;
		reject) for v in "${lines[@]}"; do patterns+=("!$v"); done ;;
		needs) needs+=("$val") ;;
		*)
			if [[ "$TABLE_SETTINGS" != *[[:space:]]"$key"[[:space:]]* ]]; then
				errors+="line $lineno: unknown key \"$key\"; "
				continue
			fi
			settings+=("${key^^}=$(printf '%s\n' "${lines[@]}")") ;;
		esac
	done < "$file"
	table_flush
}
