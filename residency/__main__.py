from residency.launch import main

main()
