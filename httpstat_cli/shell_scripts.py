"""The completion scripts ``hsc completion SHELL`` prints, for bash, zsh and fish.

They speak click's completion protocol (``_HSC_COMPLETE``), but unlike click's own scripts they
run hsc the way the shell would: through an alias or a function as well as from ``PATH``, and
fish keeps descriptions that contain commas. Imported only by ``hsc completion``.
"""

BASH = r"""# hsc completion for bash. For another name (an alias h=hsc, say), add:
#   complete -o nosort -F _hsc_completion h
_hsc_completion() {
    local IFS=$'\n'
    local -a program
    local response completion type value
    # Run hsc as the shell would: an alias is expanded here, a function is called.
    if [[ -n ${BASH_ALIASES[$1]+set} ]]; then
        eval "program=(${BASH_ALIASES[$1]})"
    else
        program=("$1")
    fi
    response=$(COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
_HSC_COMPLETE=bash_complete "${program[@]}")

    for completion in $response; do
        IFS=',' read -r type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=("$value")
        fi
    done
    return 0
}

complete -o nosort -F _hsc_completion hsc
"""

ZSH = r"""#compdef hsc
# hsc completion for zsh. For another name (an alias h=hsc, say), add: compdef h=hsc

_hsc_completion() {
    local -a completions completions_with_descriptions response program
    # Run hsc as the shell would: an alias is expanded here, a function is called.
    if (( $+aliases[$words[1]] )); then
        eval "program=(${aliases[$words[1]]})"
    else
        program=("$words[1]")
    fi
    (( $+commands[$program[1]] || $+functions[$program[1]] )) || [[ -x $program[1] ]] \
        || return 1

    response=("${(@f)$(COMP_WORDS="${words[*]}" COMP_CWORD=$((CURRENT-1)) \
_HSC_COMPLETE=zsh_complete "${program[@]}")}")

    for type key descr in ${response}; do
        if [[ "$type" == "plain" ]]; then
            if [[ "$descr" == "_" ]]; then
                completions+=("$key")
            else
                completions_with_descriptions+=("$key":"$descr")
            fi
        elif [[ "$type" == "dir" ]]; then
            _path_files -/
        elif [[ "$type" == "file" ]]; then
            _path_files -f
        fi
    done

    if [ -n "$completions_with_descriptions" ]; then
        _describe -V unsorted completions_with_descriptions -U
    fi
    if [ -n "$completions" ]; then
        compadd -U -V unsorted -a completions
    fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _hsc_completion "$@"
else
    compdef _hsc_completion hsc
fi
"""

FISH = r"""# hsc completion for fish. An alias made with `alias h=hsc` completes like hsc.
function _hsc_completion
    # Called by name, so a function or an alias named hsc works as well as the program.
    set -l response (_HSC_COMPLETE=fish_complete COMP_WORDS=(commandline -cp) \
        COMP_CWORD=(commandline -t) hsc)
    for completion in $response
        # Only the first comma separates the type: descriptions may contain commas.
        set -l metadata (string split --max 1 "," -- $completion)
        if test $metadata[1] = dir
            __fish_complete_directories $metadata[2]
        else if test $metadata[1] = file
            __fish_complete_path $metadata[2]
        else if test $metadata[1] = plain
            echo $metadata[2]
        end
    end
end

complete --no-files --command hsc --arguments "(_hsc_completion)"
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}
