from stacks.app import main

main()
