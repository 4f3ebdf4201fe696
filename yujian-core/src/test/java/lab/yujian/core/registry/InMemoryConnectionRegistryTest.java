package lab.yujian.core.registry;

class InMemoryConnectionRegistryTest extends ConnectionRegistryContract {

    @Override
    protected ConnectionRegistry createRegistry() {
        return new InMemoryConnectionRegistry();
    }
}
