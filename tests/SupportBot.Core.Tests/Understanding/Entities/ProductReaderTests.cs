using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class ProductReaderTests
{
    [Theory]
    [InlineData("the Roku app keeps crashing", "Roku app", ProductKind.App)]
    [InlineData("the roku app won't load", "Roku app", ProductKind.App)]
    [InlineData("my iPhone 15 won't charge", "iPhone 15", ProductKind.Device)]
    [InlineData("my iphone 15 pro max", "iPhone 15 pro max", ProductKind.Device)]
    [InlineData("Xbox Series X arrived dead", "Xbox Series X", ProductKind.Device)]
    [InlineData("bought an xbox one", "Xbox one", ProductKind.Device)]
    [InlineData("my Galaxy S23 Ultra", "Galaxy S23 Ultra", ProductKind.Device)]
    [InlineData("PS5 controller drifting", "PS5", ProductKind.Device)]
    [InlineData("my firestick keeps buffering", "Fire Stick", ProductKind.Device)]
    [InlineData("can't log in on Netflix", "Netflix", ProductKind.App)]
    [InlineData("Disney+ shows a black screen", "Disney+", ProductKind.App)]
    [InlineData("the Tesco app logs me out", "Tesco app", ProductKind.App)]
    [InlineData("Tesco Clubcard app is broken", "Tesco Clubcard app", ProductKind.App)]
    [InlineData("The app crashes every time", "app", ProductKind.App)]
    [InlineData("your stupid app charged me twice", "app", ProductKind.App)]
    [InlineData("the lamp arrived broken", "lamp", ProductKind.Item)]
    [InlineData("my new desk lamp flickers", "desk lamp", ProductKind.Item)]
    [InlineData("the washing machine leaks", "washing machine", ProductKind.Item)]
    [InlineData("my brand new sofa is ripped", "sofa", ProductKind.Item)]
    [InlineData("my Samsung TV is dead", "Samsung TV", ProductKind.Item)]
    [InlineData("it keeps crashing on my samsung s22", "Samsung S22", ProductKind.Device)]
    [InlineData("my huawei p30 won't charge", "Huawei P30", ProductKind.Device)]
    [InlineData("Moto G7 screen flickers", "Moto G7", ProductKind.Device)]
    [InlineData("wrong item, ordered black trainers size 9 and got pink sandals size 5", "black trainers", ProductKind.Item)]
    public void Read_NamedProduct_GivesNameAndKind(string text, string name, ProductKind kind)
    {
        var product = Assert.Single(ProductReader.Read(text));

        Assert.Equal(name, product.Name);
        Assert.Equal(kind, product.Kind);
    }

    [Theory]
    [InlineData("updated to Windows 11 and now it fails", "Windows 11", "11")]
    [InlineData("on iOS 17.4", "iOS 17.4", "17.4")]
    [InlineData("android 14", "Android 14", "14")]
    public void Read_OperatingSystem_GivesVersion(string text, string name, string version)
    {
        var product = Assert.Single(ProductReader.Read(text));

        Assert.Equal(ProductKind.OperatingSystem, product.Kind);
        Assert.Equal(name, product.Name);
        Assert.Equal(version, product.Version);
    }

    [Theory]
    [InlineData("the Roku app, version 3.2.1, crashes", "Roku app", "3.2.1")]
    [InlineData("I'm on version 3.2.1 of the app", "app", "3.2.1")]
    [InlineData("the app version 3.2.1 won't open", "app", "3.2.1")]
    [InlineData("Spotify v8.9.2 logs me out", "Spotify", "8.9.2")]
    public void Read_AppVersion_AttachesToTheApp(string text, string name, string version)
    {
        var product = Assert.Single(ProductReader.Read(text));

        Assert.Equal(name, product.Name);
        Assert.Equal(version, product.Version);
    }

    [Fact]
    public void Read_VersionAlone_StandsWithoutName()
    {
        var product = Assert.Single(ProductReader.Read("it's version 3.2.1"));

        Assert.Null(product.Name);
        Assert.Equal("3.2.1", product.Version);
    }

    [Fact]
    public void Read_DeviceAndApp_BothInOrder()
    {
        var products = ProductReader.Read("the Netflix app on my Samsung Galaxy keeps freezing");

        Assert.Collection(products,
            p => Assert.Equal("Netflix app", p.Name),
            p => Assert.Equal("Samsung Galaxy", p.Name));
    }

    [Theory]
    [InlineData("my parcel never arrived")]
    [InlineData("a £12 express delivery charge")]
    [InlineData("I'll give you my phone number")]
    [InlineData("I had a phone call from you")]
    [InlineData("the windows of the van were smashed")]
    [InlineData("I don't know")]
    [InlineData("5")]
    [InlineData("")]
    public void Read_NoProduct_FindsNothing(string text)
    {
        Assert.Empty(ProductReader.Read(text));
    }

    [Theory]
    [InlineData("my iphone15 won't charge", "iPhone 15")]
    [InlineData("the Nordlys desk lamp is in pieces", "Nordlys desk lamp")]
    [InlineData("my hp laptop keeps freezing", "hp laptop")]
    [InlineData("netflix app on my samsung tv", "Netflix app")]
    [InlineData("the YouTube app v2.3 crashes", "YouTube app")]
    [InlineData("Spotify keeps pausing", "Spotify")]
    [InlineData("the £40 kettle arrived broken", "kettle")]
    [InlineData("creative cloud keeps crashing on my mac", "Creative Cloud")]
    [InlineData("photoshop won't open since the update", "Photoshop")]
    [InlineData("my adobe subscription won't let me in", "Adobe")]
    [InlineData("Teams crashes every time I join a call", "Teams")]
    [InlineData("can't get into minecraft realms", "Minecraft")]
    [InlineData("my icloud storage is full but I pay for 200gb", "iCloud")]
    [InlineData("google drive stopped syncing", "Google Drive")]
    public void Read_RealWorldSpellings_FindTheProduct(string text, string name)
    {
        Assert.Equal(name, ProductReader.Read(text)[0].Name);
    }

    [Theory]
    [InlineData("Kobo Libra keeps freezing on the home screen", "Kobo Libra")]
    [InlineData("my new Kobo won't turn on", "Kobo")]
    [InlineData("Sky Go keeps buffering. Every night.", "Sky Go")]
    [InlineData("Hi. Clubcard won't load at all", "Clubcard")]
    [InlineData("ok so the Halifax banking keeps logging me out", "Halifax banking")]
    public void Read_ThingSaidToFail_IsTheProductEvenWhenUnknown(string text, string name)
    {
        var product = ProductReader.Read(text)[0];

        Assert.Equal(name, product.Name);
        Assert.Equal(ProductKind.App, product.Kind);
    }

    [Theory]
    [InlineData("it keeps crashing")]
    [InlineData("It still won't open")]
    [InlineData("my account keeps logging me out")]
    [InlineData("the update won't install")]
    [InlineData("everything keeps freezing")]
    [InlineData("now it won't even turn on")]
    [InlineData("my internet keeps dropping")]
    [InlineData("the page won't load")]
    [InlineData("in a word, useless")]
    [InlineData("I was on edge all day")]
    public void Read_NothingNamedFails_FindsNoProduct(string text)
    {
        Assert.Empty(ProductReader.Read(text));
    }

    [Fact]
    public void Read_MyMac_IsTheMacEvenInLowerCase()
    {
        Assert.Equal("Mac", Assert.Single(ProductReader.Read("it crashes on my mac")).Name);
    }
}
