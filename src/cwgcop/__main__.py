from cwgcop.cli import main

main()
