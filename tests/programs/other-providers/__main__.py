"""Resources of other providers: random, tls, command, docker."""
import pulumi
import pulumi_command as command
import pulumi_docker as docker
import pulumi_random as random
import pulumi_tls as tls

pet = random.RandomPet("name")
key = tls.PrivateKey("ssh", algorithm="RSA", rsa_bits=4096)
command.local.Command("hello", create=pet.id.apply(lambda p: f"echo {p}"))
image = docker.RemoteImage("nginx", name="nginx:1.27")
pulumi.export("pet", pet.id)
pulumi.export("publicKey", key.public_key_openssh)
