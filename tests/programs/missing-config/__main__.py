import pulumi

pulumi.Config().require("dbName")
