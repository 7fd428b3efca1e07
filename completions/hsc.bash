# hsc completion for bash. For another name (an alias h=hsc, say), add:
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
