# hsc completion for fish. An alias made with `alias h=hsc` completes like hsc.
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
